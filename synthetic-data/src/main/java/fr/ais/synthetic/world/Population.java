package fr.ais.synthetic.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The ground truth of a synthetic year: regions, sessions, people and their prescriptions, drawn from one seeded
 * random in a fixed order (lists only, never a hash order) so that a seed always gives the same world.
 */
public final class Population {

    /** Relative training entries per month: low in summer, peak at the autumn intake. Also the targets' profile. */
    public static final int[] SEASON = {7, 8, 9, 9, 8, 7, 4, 3, 12, 11, 9, 6};

    private static final String[] PE_AGENCY_TOWNS = {"ORLÉANS", "BÉZIERS", "CRÉTEIL", "SÈTE", "ÉVRY", "NÎMES"};

    private final List<Region> regions;
    private final List<Session> sessions;
    private final List<Person> people;
    private final List<Prescription> prescriptions;

    private Population(List<Region> regions, List<Session> sessions, List<Person> people,
                       List<Prescription> prescriptions) {
        this.regions = regions;
        this.sessions = sessions;
        this.people = people;
        this.prescriptions = prescriptions;
    }

    public List<Region> regions() {
        return regions;
    }

    public List<Session> sessions() {
        return sessions;
    }

    public List<Person> people() {
        return people;
    }

    public List<Prescription> prescriptions() {
        return prescriptions;
    }

    public static Population generate(int peopleCount, int year, SplittableRandom random) {
        return new Builder(peopleCount, year, random).build();
    }

    private static final class Builder {
        private final int peopleCount;
        private final int year;
        private final SplittableRandom random;
        private final List<Region> regions = Region.fromAnnex();
        private final List<List<Session>> sessionsByRegion = new ArrayList<>();
        private final List<Session> sessions = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private final List<Prescription> prescriptions = new ArrayList<>();
        private final Set<String> usedDe = new HashSet<>();
        private final Set<String> usedMilo = new HashSet<>();
        private final long totalWeight;

        Builder(int peopleCount, int year, SplittableRandom random) {
            this.peopleCount = peopleCount;
            this.year = year;
            this.random = random;
            this.totalWeight = regions.stream().mapToLong(Region::entries2019).sum();
        }

        Population build() {
            buildSessions();
            for (int i = 0; i < peopleCount; i++) {
                buildPersonAndPrescriptions(i);
            }
            return new Population(regions, List.copyOf(sessions), List.copyOf(people), List.copyOf(prescriptions));
        }

        private void buildSessions() {
            for (int r = 0; r < regions.size(); r++) {
                sessionsByRegion.add(new ArrayList<>());
            }
            // about four people per session, and at least two sessions everywhere
            int count = Math.max(2 * regions.size(), peopleCount / 4);
            Set<String> numbers = new HashSet<>();
            for (int i = 0; i < count; i++) {
                int r = i < 2 * regions.size() ? i % regions.size() : weightedRegion();
                Region region = regions.get(r);
                String number;
                do {
                    number = String.format("SE-%d-%06d", year, 1 + random.nextInt(999_999));
                } while (!numbers.add(number));
                LocalDate start = dayInMonth(seasonalMonth());
                LocalDate end = start.plusDays(20 + random.nextInt(220));
                Session session = new Session(number, siret(), start, end, region);
                sessions.add(session);
                sessionsByRegion.get(r).add(session);
            }
        }

        private void buildPersonAndPrescriptions(int index) {
            int r = weightedRegion();
            Region region = regions.get(r);
            Network network = network();
            Session session = pickSession(r, null);
            Session movedTo = random.nextDouble() < 0.03 ? pickOtherSession(r, session) : null;
            Session finalSession = movedTo != null ? movedTo : session;
            LocalDate entry = random.nextDouble() < 0.1
                    ? finalSession.startDate().plusDays(1 + random.nextInt(7)) : finalSession.startDate();
            LocalDate birth = birthDate(network, region, entry);

            boolean hasDe = switch (network) {
                case PE, CAP_EMPLOI -> true;
                case ML -> random.nextDouble() < 0.7;
                default -> random.nextDouble() < 0.75;
            };
            boolean hasMilo = network == Network.ML || random.nextDouble() < 0.25;
            if (!hasDe && !hasMilo) {
                hasDe = true; // every source needs at least one person identifier
            }
            Person person = new Person(index, hasDe ? newDe() : null, hasMilo ? newMilo() : null, birth, region);
            people.add(person);

            String prescriberRegion = random.nextDouble() < 0.95 ? region.code()
                    : regions.get(random.nextInt(regions.size())).code();
            prescriptions.add(new Prescription(prescriptions.size(), person, session, movedTo, network,
                    structureCode(network, prescriberRegion), prescriberRegion, outcome(), entry));

            // some people have a second prescription later in the year
            if (random.nextDouble() < 0.08) {
                Session second = pickSession(r, entry.plusDays(14));
                if (second != null && second != finalSession) {
                    Network secondNetwork = random.nextDouble() < 0.8 ? network : network();
                    if ((secondNetwork == Network.PE || secondNetwork == Network.CAP_EMPLOI) && person.de() == null
                            || secondNetwork == Network.ML && person.milo() == null) {
                        secondNetwork = Network.OTHER;
                    }
                    prescriptions.add(new Prescription(prescriptions.size(), person, second, null, secondNetwork,
                            structureCode(secondNetwork, prescriberRegion), prescriberRegion, outcome(),
                            second.startDate()));
                }
            }
        }

        private Outcome outcome() {
            double x = random.nextDouble();
            return x < 0.80 ? Outcome.ENTERED : x < 0.85 ? Outcome.ABANDONED : x < 0.95 ? Outcome.CANCELLED
                    : Outcome.PENDING;
        }

        private Network network() {
            double x = random.nextDouble();
            return x < 0.35 ? Network.ML : x < 0.80 ? Network.PE : x < 0.85 ? Network.CAP_EMPLOI
                    : x < 0.95 ? Network.CONSEIL_REGIONAL : Network.OTHER;
        }

        /** Mostly 16-29 as the plan targets; some 30+, a few under 16, ML youths now and then exactly 26. */
        private LocalDate birthDate(Network network, Region region, LocalDate entry) {
            double x = random.nextDouble();
            int age;
            switch (network) {
                case ML -> age = x < 0.04 ? 26 : x < 0.06 ? 15 : youngAge();
                case PE -> age = x < 0.12 ? 30 + random.nextInt(16)
                        : random.nextInt(100) < region.share2629Pct() ? 26 + random.nextInt(4) : youngAge();
                case CAP_EMPLOI -> age = 18 + random.nextInt(25);
                default -> age = x < 0.05 ? 15 : 16 + random.nextInt(20);
            }
            if (random.nextDouble() < 0.02) {
                return entry.minusYears(age); // birthday on the entry day: the boundary of the age bands
            }
            LocalDate earliest = entry.minusYears(age + 1L).plusDays(1);
            long span = entry.minusYears(age).toEpochDay() - earliest.toEpochDay() + 1;
            return earliest.plusDays(random.nextLong(span));
        }

        private int youngAge() {
            // 16-25, most between 18 and 22
            int[] weights = {4, 6, 12, 14, 14, 13, 12, 10, 8, 7};
            return 16 + weightedIndex(weights);
        }

        private Session pickSession(int region, LocalDate notBefore) {
            // one training in ten takes place outside the person's region
            int r = random.nextDouble() < 0.1 ? random.nextInt(regions.size()) : region;
            List<Session> pool = sessionsByRegion.get(r);
            if (notBefore == null) {
                return pool.get(random.nextInt(pool.size()));
            }
            List<Session> later = pool.stream().filter(s -> s.startDate().isAfter(notBefore)).toList();
            return later.isEmpty() ? null : later.get(random.nextInt(later.size()));
        }

        private Session pickOtherSession(int region, Session current) {
            List<Session> pool = sessionsByRegion.get(region).stream().filter(s -> s != current).toList();
            return pool.isEmpty() ? null : pool.get(random.nextInt(pool.size()));
        }

        private String structureCode(Network network, String regionCode) {
            int k = 1 + random.nextInt(8);
            return switch (network) {
                case ML -> String.format("ML%s%03d", regionCode, k);
                case PE -> k == 7
                        ? String.format("PE%s%03d-%s", regionCode, k, PE_AGENCY_TOWNS[random.nextInt(PE_AGENCY_TOWNS.length)])
                        : String.format("PE%s%03d", regionCode, k);
                // some Cap emploi antennas have a ';' in their code, which the PE export must quote
                case CAP_EMPLOI -> k <= 2 ? "CAP" + regionCode + ";ANT" + k : "CAP" + regionCode + "0" + k;
                case CONSEIL_REGIONAL -> "CR" + regionCode;
                case OTHER -> k == 1 ? "OF" + regionCode + " \"SUD\"" : "OF" + regionCode + "0" + k;
            };
        }

        private String newDe() {
            String de;
            do {
                StringBuilder b = new StringBuilder(8);
                for (int i = 0; i < 7; i++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
                b.append(random.nextDouble() < 0.5 ? (char) ('0' + random.nextInt(10)) : (char) ('A' + random.nextInt(26)));
                de = b.toString();
            } while (!usedDe.add(de));
            return de;
        }

        private String newMilo() {
            String milo;
            do {
                milo = Integer.toString(1_000_000 + random.nextInt(9_000_000));
            } while (!usedMilo.add(milo));
            return milo;
        }

        /** A 14-digit SIRET with a valid Luhn key, as real ones have. */
        private String siret() {
            int[] digits = new int[14];
            for (int i = 0; i < 13; i++) {
                digits[i] = random.nextInt(10);
            }
            for (int last = 0; last < 10; last++) {
                digits[13] = last;
                if (luhn(digits) % 10 == 0) {
                    break;
                }
            }
            StringBuilder b = new StringBuilder(14);
            for (int d : digits) {
                b.append(d);
            }
            return b.toString();
        }

        private static int luhn(int[] digits) {
            int sum = 0;
            for (int i = 0; i < digits.length; i++) {
                int d = digits[digits.length - 1 - i];
                if (i % 2 == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            return sum;
        }

        private int seasonalMonth() {
            return 1 + weightedIndex(SEASON);
        }

        private LocalDate dayInMonth(int month) {
            LocalDate first = LocalDate.of(year, month, 1);
            return first.plusDays(random.nextInt(first.lengthOfMonth()));
        }

        private int weightedRegion() {
            long x = random.nextLong(totalWeight);
            for (int i = 0; i < regions.size(); i++) {
                x -= regions.get(i).entries2019();
                if (x < 0) {
                    return i;
                }
            }
            return regions.size() - 1;
        }

        private int weightedIndex(int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int x = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }
}
