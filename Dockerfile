# A minimal image with Bylaw, built from a release tarball (scripts/release makes it in dist/):
#
#   scripts/release
#   docker build -t bylaw:0.1.0 --build-arg BYLAW_VERSION=0.1.0 .
#   docker run --rm -v "$PWD:/work" bylaw:0.1.0 lint workspace.yaml
#
# The binary links the Swift runtime, Foundation and libyaml statically; the base image only has
# to provide glibc, libstdc++ and libgcc_s, which debian:bookworm-slim does, and the NATS C client
# (`bylaw consume`, `publish`, `read`), which Debian ships only as a shared library: libnats3.4.
ARG BYLAW_VERSION=0.1.0
ARG BYLAW_ARCH=x86_64

FROM debian:bookworm-slim AS unpack
ARG BYLAW_VERSION
ARG BYLAW_ARCH
COPY dist/bylaw-${BYLAW_VERSION}-linux-${BYLAW_ARCH}.tar.gz dist/bylaw-${BYLAW_VERSION}-linux-${BYLAW_ARCH}.tar.gz.sha256 /tmp/
RUN cd /tmp \
    && sha256sum --check "bylaw-${BYLAW_VERSION}-linux-${BYLAW_ARCH}.tar.gz.sha256" \
    && mkdir /opt/bylaw \
    && tar -xzf "bylaw-${BYLAW_VERSION}-linux-${BYLAW_ARCH}.tar.gz" -C /opt/bylaw --strip-components=1

FROM debian:bookworm-slim
COPY --from=unpack /opt/bylaw /opt/bylaw
RUN apt-get update \
    && apt-get install -y --no-install-recommends libnats3.4 \
    && rm -rf /var/lib/apt/lists/*
RUN ln -s /opt/bylaw/bin/bylaw /usr/local/bin/bylaw \
    && bylaw version
WORKDIR /work
ENTRYPOINT ["bylaw"]
CMD ["--help"]
