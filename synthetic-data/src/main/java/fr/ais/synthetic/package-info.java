/**
 * Realistic synthetic data for demos and tests: {@link fr.ais.synthetic.Generator#generate} writes a year of the
 * three source exports (SPEC §3), a targets file (SPEC §5) and a {@code manifest.json} listing every intentionally
 * bad record with its line, reason and field. The ground truth lives in {@code world}, what each system shows of it
 * in {@code export}; the fake OuiForm REST API is in {@code fakeouiform}.
 */
package fr.ais.synthetic;
