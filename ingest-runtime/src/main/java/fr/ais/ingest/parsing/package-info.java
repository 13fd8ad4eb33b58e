/**
 * What the three source formats share when they read and check raw records (SPEC §3, §3.4):
 * physical lines with a bounded length, the field rules common to all sources (INSEE regions,
 * identifier and SIRET formats, normalisations), rejections with redacted excerpts.
 * The publishing side of the runtime does not depend on this package.
 */
package fr.ais.ingest.parsing;
