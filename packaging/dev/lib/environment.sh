# SPDX-License-Identifier: GPL-2.0-or-later
# The build/run environment of shipyard-dev: native packages or a trixie root.
# Sourced by shipyard-dev and packaging/localcluster/cluster; expects SRC_DIR.

SHIPYARD_CACHE=${SHIPYARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shipyard}
SHIPYARD_ROOT=${SHIPYARD_ROOT:-$SHIPYARD_CACHE/trixie-root}
SHIPYARD_SUITE=trixie
SHIPYARD_MIRROR=${SHIPYARD_MIRROR:-http://deb.debian.org/debian}
SHIPYARD_PACKAGES_FILE=$SRC_DIR/packaging/dev/packages.txt
export SHIPYARD_CACHE
# One compiler cache for every build directory and clone: paths below the
# checkout are hashed relative to it, so a fresh clone reuses the objects.
export CCACHE_DIR=${CCACHE_DIR:-$SHIPYARD_CACHE/ccache}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$SRC_DIR}
export CCACHE_NOHASHDIR=1

log() { printf 'shipyard-dev: %s\n' "$*" >&2; }
die() {
    printf 'shipyard-dev: error: %s\n' "$*" >&2
    exit 1
}

as_root() {
    if [[ $(id -u) == 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        die "'$*' needs root and sudo is not installed"
    fi
}

env_packages() { grep -v -e '^#' -e '^[[:space:]]*$' "$SHIPYARD_PACKAGES_FILE"; }

# Directories shared between the host and the trixie root at identical paths.
env_shared_dirs() {
    echo "$SRC_DIR"
    echo "$SHIPYARD_CACHE/localcluster"
    echo "$SHIPYARD_CACHE/tools"
    echo "$SHIPYARD_CACHE/run"
    echo "$SHIPYARD_CACHE/ccache"
}

host_apt_update_once() {
    local stamp=$SHIPYARD_CACHE/host-apt-updated
    if [[ ! -f $stamp || -n $(find "$stamp" -mmin +720 2>/dev/null) ]]; then
        log "apt-get update (host)"
        as_root apt-get update -qq
        touch "$stamp"
    fi
}

# Native when the host's apt offers Qt >= 6.5 and KF6 SyntaxHighlighting.
host_is_native_capable() {
    local qt kf
    qt=$(apt-cache policy qt6-base-dev 2>/dev/null | awk '/Candidate:/ {print $2}')
    kf=$(apt-cache policy libkf6syntaxhighlighting-dev 2>/dev/null | awk '/Candidate:/ {print $2}')
    [[ -n $qt && $qt != "(none)" && -n $kf && $kf != "(none)" ]] || return 1
    dpkg --compare-versions "${qt#*:}" ge 6.5
}

env_mode() {
    if [[ -n ${SHIPYARD_ENV_MODE:-} ]]; then
        echo "$SHIPYARD_ENV_MODE"
    elif [[ -f $SHIPYARD_CACHE/mode ]]; then
        cat "$SHIPYARD_CACHE/mode"
    else
        echo unknown
    fi
}

setup_native() {
    local missing=()
    local pkg
    while read -r pkg; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
    done < <(env_packages)
    if ((${#missing[@]})); then
        log "installing natively: ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

root_is_mounted() { grep -q " $SHIPYARD_ROOT[/ ]" /proc/mounts; }

setup_root() {
    local done_stamp=$SHIPYARD_ROOT/.shipyard-debootstrap-done
    if [[ ! -f $done_stamp ]]; then
        if [[ -e $SHIPYARD_ROOT ]]; then
            root_is_mounted && die "$SHIPYARD_ROOT is half-made and something is mounted in it; unmount it first"
            log "removing half-made trixie root from an interrupted run: $SHIPYARD_ROOT"
            rm -rf --one-file-system "$SHIPYARD_ROOT"
        fi
        command -v debootstrap >/dev/null || {
            log "installing debootstrap (host)"
            as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
        }
        log "creating a Debian $SHIPYARD_SUITE root in $SHIPYARD_ROOT (about 30 s)"
        as_root debootstrap --variant=minbase "$SHIPYARD_SUITE" "$SHIPYARD_ROOT" "$SHIPYARD_MIRROR" \
            >"$SHIPYARD_CACHE/debootstrap.log" 2>&1 ||
            die "debootstrap failed; see $SHIPYARD_CACHE/debootstrap.log"
        # Services must never start inside the root while packages install.
        printf '#!/bin/sh\nexit 101\n' >"$SHIPYARD_ROOT/usr/sbin/policy-rc.d"
        chmod +x "$SHIPYARD_ROOT/usr/sbin/policy-rc.d"
        touch "$done_stamp"
    fi
    # What the list names and the root lacks, asked of the root's own dpkg
    # database: a root shared by checkouts whose lists differ (a branch that
    # adds a package, one that does not yet) installs each package once and
    # never reinstalls the others.
    local missing=() pkg
    while read -r pkg; do
        [[ $(dpkg-query --admindir="$SHIPYARD_ROOT/var/lib/dpkg" -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null) == ii* ]] ||
            missing+=("$pkg")
    done < <(env_packages)
    if ((${#missing[@]})); then
        log "installing packages into the trixie root (about a minute): ${missing[*]}"
        cp -L /etc/resolv.conf "$SHIPYARD_ROOT/etc/resolv.conf" 2>/dev/null || true
        env_run_root sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/var/log/shipyard-packages.log 2>&1 || { tail -n 30 /var/log/shipyard-packages.log; exit 1; }' \
            sh "${missing[@]}" || die "installing packages into the trixie root failed"
    fi
}

env_setup() {
    mkdir -p "$SHIPYARD_CACHE" "$SHIPYARD_CACHE/localcluster" "$SHIPYARD_CACHE/tools" "$SHIPYARD_CACHE/run" \
        "$CCACHE_DIR"
    (
        flock 9
        local mode
        mode=$(env_mode)
        if [[ $mode == unknown ]]; then
            host_apt_update_once
            if host_is_native_capable; then mode=native; else mode=root; fi
            echo "$mode" >"$SHIPYARD_CACHE/mode"
            log "environment: $mode"
        fi
        if [[ $mode == native ]]; then setup_native; else setup_root; fi
    ) 9>"$SHIPYARD_CACHE/setup.lock"
}

# The bin dir of the tools built from packaging/tools (helm) for the current
# sources, or nothing when they are not built. Same path on host and in root.
env_tools_bin_dir() { "$SRC_DIR/packaging/tools/tools" bin-dir 2>/dev/null || true; }

# Native mode: put the tools' bin dir (if any) at the front of PATH and name it
# in SHIPYARD_TOOLS_BIN. The trixie root gets the same from enter-root.
env_export_tools_path() {
    local bin
    bin=$(env_tools_bin_dir)
    [[ -n $bin ]] || return 0
    export SHIPYARD_TOOLS_BIN=$bin
    case ":$PATH:" in
        ":$bin:"*) ;;
        *) export PATH="$bin:$PATH" ;;
    esac
}

# Run a command in the trixie root (no setup check), working directory $1.
env_run_root_in() {
    local cwd=$1
    shift
    local shared
    shared=$(env_shared_dirs | tr '\n' ':')
    as_root unshare --mount --propagation private -- \
        "$SRC_DIR/packaging/dev/lib/enter-root" "$SHIPYARD_ROOT" "$shared" "$cwd" "$(env_tools_bin_dir)" "$@"
}

env_run_root() { env_run_root_in "$PWD" "$@"; }

# Run a command in the environment with working directory $1.
env_run_in() {
    local cwd=$1
    shift
    if [[ $(env_mode) == native ]]; then
        (cd "$cwd" && env_export_tools_path && "$@")
    else
        env_run_root_in "$cwd" "$@"
    fi
}

env_run() { env_run_in "$PWD" "$@"; }

env_exec() {
    if [[ $(env_mode) == native ]]; then
        env_export_tools_path
        exec "$@"
    fi
    local shared
    shared=$(env_shared_dirs | tr '\n' ':')
    exec unshare --mount --propagation private -- \
        "$SRC_DIR/packaging/dev/lib/enter-root" "$SHIPYARD_ROOT" "$shared" "$PWD" "$(env_tools_bin_dir)" "$@"
}

# Directories the trixie root has of its own and that are never mounted over
# from the host: the system, and what the root is made of.
env_is_system_path() {
    case $1 in
        / | /usr | /usr/* | /bin | /bin/* | /sbin | /sbin/* | /lib | /lib/* | /lib32* | /lib64* | /libx32* | \
            /etc | /etc/* | /var | /var/* | /proc | /proc/* | /sys | /sys/* | /dev | /dev/* | /run | /run/* | \
            /boot | /boot/*)
            return 0
            ;;
    esac
    return 1
}

# The kubeconfig files kubectl would read: every entry of KUBECONFIG (relative
# ones against the working directory), else ~/.kube/config. One a line.
env_kubeconfig_files() {
    local entry
    if [[ -n ${KUBECONFIG:-} ]]; then
        local entries
        IFS=: read -r -a entries <<<"$KUBECONFIG"
        for entry in "${entries[@]}"; do
            [[ -n $entry ]] || continue
            [[ $entry == /* ]] || entry=$PWD/$entry
            echo "$entry"
        done
    elif [[ -n ${HOME:-} ]]; then
        echo "$HOME/.kube/config"
    fi
}

# enter-root's options that make the caller's world visible in the root at the
# same paths: the home and the working directory (writable: Shipyard keeps its
# settings in the home, exec credential plugins their token caches, and
# `--screenshot x.png` writes where it is asked to), the kubeconfig files
# (read-only), and the directories of PATH the root lacks (read-only, after
# the root's own on PATH so that they never replace its tools) — where exec
# credential plugins are installed (~/bin, ~/.local/bin, /usr/local/bin, /opt/…).
env_user_mounts() {
    local dir file
    if [[ -n ${HOME:-} && -d $HOME ]] && ! env_is_system_path "$HOME"; then
        printf '%s\n' --rw "$HOME"
    fi
    if ! env_is_system_path "$PWD"; then
        printf '%s\n' --rw "$PWD"
    fi
    while read -r file; do
        if [[ -e $file ]]; then printf '%s\n' --ro "$file"; fi
    done < <(env_kubeconfig_files)
    local path_dirs seen=:
    IFS=: read -r -a path_dirs <<<"${PATH:-}"
    for dir in "${path_dirs[@]}"; do
        [[ $dir == /* && -d $dir && $seen != *":$dir:"* ]] || continue
        seen=$seen$dir:
        # The system's directories are the root's own, but for /usr/local,
        # where plugins get installed and which the root leaves empty.
        if env_is_system_path "$dir" && [[ $dir != /usr/local/* ]]; then
            continue
        fi
        # The root's own directory wins when it has anything in it (or is a symlink).
        if [[ -L $SHIPYARD_ROOT$dir ]] || [[ -d $SHIPYARD_ROOT$dir && -n $(ls -A "$SHIPYARD_ROOT$dir" 2>/dev/null) ]]; then
            continue
        fi
        printf '%s\n' --path-dir "$dir"
    done
    return 0
}

# Runs CMD (the user's own shipyard or shipyardctl) in the environment with
# the caller's home, working directory, kubeconfig files, PATH and environment.
env_exec_user() {
    if [[ $(env_mode) == native ]]; then
        env_export_tools_path
        exec "$@"
    fi
    local options=() line
    while IFS= read -r line; do options+=("$line"); done < <(env_user_mounts)
    local shared
    shared=$(env_shared_dirs | tr '\n' ':')
    if [[ $(id -u) == 0 ]]; then
        exec unshare --mount --propagation private -- "$SRC_DIR/packaging/dev/lib/enter-root" "${options[@]}" \
            "$SHIPYARD_ROOT" "$shared" "$PWD" "$(env_tools_bin_dir)" "$@"
    fi
    # sudo keeps little of the environment: hand all of it (but PATH, which
    # enter-root makes) over explicitly, and run CMD as the caller again.
    local environment=() variable
    while IFS= read -r -d '' variable; do
        [[ $variable == PATH=* ]] || environment+=("$variable")
    done < <(env -0)
    as_root env "${environment[@]}" unshare --mount --propagation private -- \
        "$SRC_DIR/packaging/dev/lib/enter-root" "${options[@]}" --user "$(id -u):$(id -g)" \
        "$SHIPYARD_ROOT" "$shared" "$PWD" "$(env_tools_bin_dir)" "$@"
}
