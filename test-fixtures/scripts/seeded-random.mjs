// The fuzzers' seeded random numbers (mulberry32): the same programs for a seed, everywhere.
/** A function giving numbers in [0, 1), the sequence fixed by {@code seed}. */
export function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6D2B79F5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/**
 * A fuzzer's command line ({@code --seed S --count N}, other flags its own) and its seeded
 * choices: {count, random, pick(xs), chance(p)}.
 */
export function fuzzerArguments(args, defaultCount) {
    const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
    const random = mulberry32(opt('--seed', 1));
    return {
        count: opt('--count', defaultCount),
        random,
        pick: (xs) => xs[Math.floor(random() * xs.length)],
        chance: (p) => random() < p,
    };
}
