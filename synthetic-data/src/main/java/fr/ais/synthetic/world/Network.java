package fr.ais.synthetic.world;

/** Who really prescribed: the ground truth that the sources report more or less faithfully. */
public enum Network {
    ML, PE, CAP_EMPLOI, CONSEIL_REGIONAL, OTHER
}
