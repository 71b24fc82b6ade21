/** What `run` throws (failing the test when it returns), typed as the caller expects it. */
export function thrown<E = Error>(run: () => unknown): E {
  try {
    run();
  } catch (err) {
    return err as E;
  }
  throw new Error("expected the call to throw, but it returned");
}
