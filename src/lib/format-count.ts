/** A count as messages print it, with thousands separated: 62,000. One locale, so output and tests agree. */
export const formatCount = (count: number): string => count.toLocaleString('en-US');
