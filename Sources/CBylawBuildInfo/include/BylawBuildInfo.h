// What a build of `bylaw` records about itself, set by scripts/release through
// `-Xcc -DBYLAW_BUILD_COMMIT="…" -Xcc -DBYLAW_BUILD_SWIFT="…"`. Swift has no compile-time string
// constants from the command line, so the values pass through this C target. A plain
// `swift build` defines neither and both functions return an empty string.
#ifndef BYLAW_BUILD_INFO_H
#define BYLAW_BUILD_INFO_H

/// The git commit the binary was built from, or "" when the build did not say.
const char *bylaw_build_commit(void);

/// The Swift compiler version that built the binary (e.g. "6.3.1"), or "" when the build did not say.
const char *bylaw_build_swift(void);

#endif
