#!/usr/bin/env bash
# Makes sure podman can run jmcp's container images on this machine, installing what is missing (Debian, as root):
# podman and runc; with --with-registry also Debian's docker-registry, a local OCI registry the container tests push
# to. Idempotent; prints the versions. Used by scripts/test.sh and `jmcp dev --target google-cloud-run`
# tells you to run it when podman is missing.
#
# Why runc: on hosts with hybrid cgroups (v1 controllers plus an empty v2 mount) crun, podman's default runtime on
# Debian 12, refuses to start any container ("cgroups in hybrid mode not supported"); runc works. jmcp therefore runs
# `podman --runtime runc ...` whenever runc is installed. Why explicit ulimits: podman asks for nofile=1048576 by
# default, which fails ("setrlimit RLIMIT_NOFILE: Operation not permitted") where the hard limit is lower and
# CAP_SYS_RESOURCE is missing; jmcp passes the caller's own hard limits instead (scripts/lib.sh: jmcp_podman).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || [ -x /usr/sbin/runc ] || missing+=(runc)
[ "${1:-}" = --with-registry ] && { [ -x /usr/bin/docker-registry ] || missing+=(docker-registry); }
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        echo "jmcp: ${missing[*]} missing; install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})" >&2
        exit 1
    fi
    echo "jmcp: installing ${missing[*]} with apt-get ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    # An old or empty package list cannot find podman; refresh it once when the first attempt fails.
    # policy-rc.d (where present) keeps docker-registry's service from starting; the tests start their own.
    apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
        { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
fi
# A container that prints and exits proves the runtime, cgroups and ulimits work together; it needs an image, so
# only the engine is checked here (the container tests run real images).
jmcp_podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Version}}' >/dev/null
echo "jmcp: $(podman --version), runtime $(jmcp_podman info --format '{{.Host.OCIRuntime.Name}}'), ulimits $(jmcp_podman_ulimits)"
