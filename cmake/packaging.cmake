# Debian packages with CPack, one per install component (cd build/dev && cpack -G DEB):
#   tcpscope        component gui:   the window, .desktop file, icons, metainfo, man page
#   tcpscope-agent  component agent: the headless agent for servers, QtCore + QtNetwork only
# Library dependencies come from dpkg-shlibdeps, so the agent package cannot pull in a GUI library
# its binary does not link (the package test checks that).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tcpscope)
set(CPACK_PACKAGE_VENDOR "The tcpscope developers")
set(CPACK_PACKAGE_CONTACT "The tcpscope developers <tcpscope@localhost>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL gui agent)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/tcpscope/tcpscope)

set(CPACK_DEBIAN_GUI_PACKAGE_NAME tcpscope)
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them: the xcb/wayland platform
# plugins (qt6-qpa-plugins) are needed to open a window at all.
set(CPACK_DEBIAN_GUI_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_GUI_PACKAGE_RECOMMENDS "openssh-client, qt6-translations-l10n")
set(CPACK_DEBIAN_GUI_PACKAGE_SUGGESTS "tcpscope-agent")
set(CPACK_COMPONENT_GUI_DESCRIPTION "watch TCP connection states live
 tcpscope shows a host's TCP connections live: the RFC 793 state diagram with
 sockets moving through it, per-state counts over time, and the kernel tunables
 that shape them. It reads sockets with netlink sock_diag or /proc/net/tcp, or
 watches a server over SSH or through tcpscope-agent.")

set(CPACK_DEBIAN_AGENT_PACKAGE_NAME tcpscope-agent)
set(CPACK_DEBIAN_AGENT_PACKAGE_SECTION net)
set(CPACK_COMPONENT_AGENT_DESCRIPTION "stream a server's TCP socket tables to tcpscope
 tcpscope-agent reads /proc/net/tcp, /proc/net/tcp6 and the TCP sysctls and
 streams them to tcpscope over ssh or a loopback port. It has no graphical
 dependencies (Qt core and network libraries only), for servers.")

# Debian wants the licence as /usr/share/doc/<package>/copyright in each package.
if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
  install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/tcpscope RENAME copyright COMPONENT gui)
  install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/tcpscope-agent RENAME copyright COMPONENT agent)
endif()

include(CPack)
