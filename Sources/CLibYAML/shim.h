// Debian's libyaml (libyaml-dev), reached through pkg-config "yaml-0.1".
#include <yaml.h>
