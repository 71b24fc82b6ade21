/** The fault-injection suite's shared pieces, by what they do. */
export * from "./program";
export * from "./figures";
export * from "./tracked";
