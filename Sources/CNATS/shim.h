// Debian's NATS C client (libnats-dev), reached through pkg-config "libnats". Only
// Sources/BylawStreams/NATS*.swift touch its handles (docs/architecture.md, "Raw memory").
#include <nats/nats.h>
