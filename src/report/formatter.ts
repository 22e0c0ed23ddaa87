/**
 * The one shape of every output format, for scan reports (src/report/scan/) and the sprawl report
 * (src/report/sprawl/) alike: a pure function from a report model and a context to text. No I/O,
 * no clock of its own: everything a format shows comes in, so the same model gives the same bytes.
 */
export type Formatter<Model, Context> = (model: Model, context: Context) => string;
