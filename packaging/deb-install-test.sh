#!/usr/bin/env bash
# Installs the built .deb into a clean Debian without a desktop, uses it, and removes it:
#   packaging/deb-install-test.sh [DEB]   (default: the one in target/installer/)
# Needs root (debootstrap, chroot, mounting /proc) and network access to a Debian mirror.
#
# A minimal Debian (debootstrap --variant=minbase, ~1 min and ~200 MB here) rather than
# `dpkg --root` into an empty folder: the package's dependencies are resolved by apt as on a
# user's machine and its maintainer scripts run in a real system without a desktop, which is
# where jpackage's scripts used to fail.
#
# Checks, as an ordinary user of that system:
#   - `apt-get install ./rondo-studio_*.deb` succeeds (menu registration is skipped with a message),
#   - only the studio window's menu entry was to be registered (not the `rondo` console launcher),
#   - `rondo --version`, `rondo generate --model piano` (the bundled model) and `rondo inspect` work,
#   - the first start writes almost nothing to the home folder (the natives come unpacked),
#   - `apt-get remove` and `purge` succeed and leave nothing of /opt/rondo-studio behind.
# Environment: DEB_TEST_SUITE and DEB_TEST_MIRROR (default: this machine's Debian or Ubuntu
# release and its main mirror; bookworm elsewhere), DEB_TEST_KEEP=1 keeps the root.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
deb="${1:-$(ls "$here"/target/installer/*.deb 2>/dev/null | head -n 1)}"
[ -f "$deb" ] || { echo "deb-test: no .deb (build it: mvn -B -Pinstaller package -DskipTests)" >&2; exit 1; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
[ "$(id -u)" = 0 ] || { echo "deb-test: needs root (debootstrap, chroot)" >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

# The release the .deb was built on: its dependencies carry that release's package names
# (Debian 12 for the development machines, Ubuntu for hosted CI runners).
distro=$( (. /etc/os-release 2>/dev/null && echo "${ID:-}") || true)
codename=$( (. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}") || true)
case "$distro" in
  ubuntu) default_mirror=http://archive.ubuntu.com/ubuntu ;;
  debian) default_mirror=http://deb.debian.org/debian ;;
  *) default_mirror=http://deb.debian.org/debian; codename=bookworm ;;
esac
suite="${DEB_TEST_SUITE:-${codename:-bookworm}}"
mirror="${DEB_TEST_MIRROR:-$default_mirror}"
package="$(dpkg-deb -f "$deb" Package)"
install_dir="/opt/$package"

work="$(mktemp -d /tmp/deb-install-test.XXXXXX)"
root="$work/root"
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  if [ "${DEB_TEST_KEEP:-0}" = 1 ]; then echo "deb-test: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step() { printf 'deb-test: %-10s' "$1"; }
now() { date +%s; }
ok() { echo "ok ($1, $(( $(now) - t )) s)"; }
fail() { echo "FAILED"; [ -n "${1:-}" ] && { echo "--- $1:" >&2; tail -n 40 "$1" >&2; }; exit 1; }
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
as_user() { chroot --userspec=musician:musician "$root" env -i PATH=/usr/bin:/bin HOME=/home/musician LANG=C.UTF-8 "$@"; }

step system; t=$(now)
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || fail "$work/debootstrap.log"
system_mib=$(du -sm "$root" | cut -f1)
mount -t proc proc "$root/proc"   # the launcher finds its own folder through /proc/self/exe
in_root useradd --create-home musician
[ ! -e "$root/usr/share/desktop-directories" ] || { echo "FAILED: the system has a desktop menu folder"; exit 1; }
ok "$suite minbase, no desktop, $system_mib MiB"

step install; t=$(now)
cp "$deb" "$root/tmp/"
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >"$work/install.log" 2>&1 || fail "$work/install.log"
in_root dpkg-query -W -f '${Status}' "$package" | grep -q 'install ok installed' || fail "$work/install.log"
# The scripts said why there is no menu entry, and did not try one for the console launcher.
grep -q "$package: desktop registration skipped" "$work/install.log" || fail "$work/install.log"
if grep -q -- "-rondo.desktop" "$work/install.log"; then fail "$work/install.log"; fi
ok "$(grep -c '^Setting up' "$work/install.log") packages set up, $(du -sm "$root$install_dir" | cut -f1) MiB in $install_dir"
grep "^$package: " "$work/install.log" | sed 's/^/  /' 

cli="$install_dir/bin/rondo"
step version; t=$(now)
as_user "$cli" --version >"$work/version.txt" 2>&1 || fail "$work/version.txt"
grep -q '^Rondo Studio ' "$work/version.txt" || fail "$work/version.txt"
ok "$(grep '^Rondo Studio ' "$work/version.txt")"

step generate; t=$(now)
as_user "$cli" generate --model piano --length 40 --seed 7 --out /home/musician/piano.mid >"$work/generate.txt" 2>&1 || fail "$work/generate.txt"
as_user "$cli" inspect /home/musician/piano.mid >"$work/inspect.txt" 2>&1 || fail "$work/inspect.txt"
grep -q ' 40 notes' "$work/inspect.txt" || fail "$work/inspect.txt"
ok "piano model, 40 notes"

# Whatever the two starts wrote to the home folder (settings; no native libraries).
step home; t=$(now)
rm -f "$root/home/musician/piano.mid"
home_kib=$(du -sk "$root/home/musician" | cut -f1)
find "$root/home/musician" -type f -size +1M >"$work/home-large.txt"
[ ! -s "$work/home-large.txt" ] || { sed -i "s|^$root||" "$work/home-large.txt"; fail "$work/home-large.txt"; }
ok "$home_kib KiB written to the home folder"

step remove; t=$(now)
in_root apt-get remove -y -q "$package" >"$work/remove.log" 2>&1 || fail "$work/remove.log"
in_root apt-get purge -y -q "$package" >>"$work/remove.log" 2>&1 || fail "$work/remove.log"
if in_root dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q installed; then fail "$work/remove.log"; fi
[ ! -e "$root$install_dir" ] || { find "$root$install_dir" | head >>"$work/remove.log"; fail "$work/remove.log"; }
ok "removed and purged, $install_dir gone"

echo "deb-test: all passed ($(basename "$deb") on $suite without a desktop)"
