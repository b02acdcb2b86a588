// What a build of `bylaw` records about itself. scripts/release writes the values into a
// header, BylawBuildValues.h, in a folder it adds with `-Xcc -I`; a plain `swift build` has no
// such header and both functions return an empty string. Swift has no compile-time string
// constants from the command line, so the values pass through this C target, and only its one
// .c file (not every Swift module) is recompiled when they change.
#ifndef BYLAW_BUILD_INFO_H
#define BYLAW_BUILD_INFO_H

/// The git commit the binary was built from, or "" when the build did not say.
const char *bylaw_build_commit(void);

/// The Swift compiler version that built the binary (e.g. "6.3.1"), or "" when the build did not say.
const char *bylaw_build_swift(void);

#endif
