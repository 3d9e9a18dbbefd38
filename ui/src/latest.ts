// One guard for every pane that loads as the writer types or clicks: only the answer to the
// latest request is used. A slower earlier answer (an unfiltered list arriving after the
// filtered one) is dropped instead of painted over the newer one.

/** What a superseded request resolves to. */
export const STALE: unique symbol = Symbol("stale");

export interface Latest {
  /** Awaits `load`; resolves to `STALE` (and swallows its error) if another request began since. */
  <T>(load: Promise<T>): Promise<T | typeof STALE>;
  /** Makes every request in flight stale (the pane was cleared). */
  cancel(): void;
}

/** A guard for one pane's loads. */
export function latest(): Latest {
  let seq = 0;
  const run = async <T>(load: Promise<T>): Promise<T | typeof STALE> => {
    const mine = ++seq;
    try {
      const value = await load;
      return mine === seq ? value : STALE;
    } catch (e) {
      if (mine !== seq) return STALE;
      throw e;
    }
  };
  return Object.assign(run, { cancel: () => void ++seq });
}
