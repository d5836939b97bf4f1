# zstd compresses recordings (model/stream/framecompressor.*; docs/performance.md, "Recordings", has the
# figures against zlib). Required: a recording written without it could not be read by a build with it.
find_package(PkgConfig)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(ZSTD IMPORTED_TARGET GLOBAL libzstd>=1.4.0)
endif()
if(NOT ZSTD_FOUND)
  message(FATAL_ERROR "tcpscope needs libzstd (>= 1.4, with pkg-config) to write and read recordings: "
    "apt install libzstd-dev pkg-config (Debian/Ubuntu; scripts/dev.sh does it), dnf install libzstd-devel, "
    "pkg install zstd (FreeBSD), brew install zstd pkg-config (macOS).")
endif()
message(STATUS "zstd ${ZSTD_VERSION}: recordings are compressed")
