#include "BylawBuildInfo.h"

#if __has_include("BylawBuildValues.h")
#include "BylawBuildValues.h"
#endif

#ifndef BYLAW_BUILD_COMMIT
#define BYLAW_BUILD_COMMIT ""
#endif

#ifndef BYLAW_BUILD_SWIFT
#define BYLAW_BUILD_SWIFT ""
#endif

const char *bylaw_build_commit(void) { return BYLAW_BUILD_COMMIT; }

const char *bylaw_build_swift(void) { return BYLAW_BUILD_SWIFT; }
