// Runs before the SPA's modules (a classic script; modules are deferred). zod probes `new Function` when it
// builds an object schema and Chrome reports that probe as a CSP violation, caught or not; `jitless` skips it and
// zod parses the same without generated code (ADR 0010). zod reads this object when it loads.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
