# Optional eBPF state-change events (model/sources/local/ebpf/): needs libbpf (pkg-config), bpftool,
# clang and llvm-strip at build time and a kernel with BTF. Without them the build goes on and the
# event source says why it is missing; polling is unaffected.
option(TCPSCOPE_EBPF "Build the eBPF state-change event source when libbpf, bpftool and clang are found" ON)

set(TCPSCOPE_HAVE_EBPF OFF)
set(_tcpscope_ebpf_why "")
if(NOT TCPSCOPE_EBPF)
  set(_tcpscope_ebpf_why "TCPSCOPE_EBPF=OFF")
elseif(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(_tcpscope_ebpf_why "not Linux")
else()
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(LIBBPF QUIET IMPORTED_TARGET libbpf)
  endif()
  find_program(TCPSCOPE_BPFTOOL bpftool HINTS /usr/sbin /sbin)
  find_program(TCPSCOPE_BPF_CLANG NAMES clang clang-14)
  find_program(TCPSCOPE_LLVM_STRIP NAMES llvm-strip llvm-strip-14)
  if(NOT LIBBPF_FOUND)
    set(_tcpscope_ebpf_why "libbpf-dev not found")
  elseif(NOT TCPSCOPE_BPFTOOL)
    set(_tcpscope_ebpf_why "bpftool not found")
  elseif(NOT TCPSCOPE_BPF_CLANG)
    set(_tcpscope_ebpf_why "clang not found")
  elseif(NOT TCPSCOPE_LLVM_STRIP)
    set(_tcpscope_ebpf_why "llvm-strip not found: install llvm")
  elseif(NOT EXISTS /sys/kernel/btf/vmlinux)
    set(_tcpscope_ebpf_why "this kernel has no /sys/kernel/btf/vmlinux")
  else()
    set(TCPSCOPE_HAVE_EBPF ON)
  endif()
endif()
if(TCPSCOPE_HAVE_EBPF)
  message(STATUS "eBPF events: on (libbpf ${LIBBPF_VERSION})")
else()
  message(STATUS "eBPF events: off (${_tcpscope_ebpf_why}); polling only")
endif()

# Compiles BPF_SOURCE into a skeleton header NAME.skel.h in the build tree (never the source tree):
# vmlinux.h from the running kernel's BTF, clang -target bpf, llvm-strip -g, bpftool gen skeleton
# (bpftool-gen(8)). Adds the header's folder, libbpf and TCPSCOPE_HAVE_EBPF to target.
function(tcpscope_bpf_skeleton target name bpf_source)
  set(dir ${CMAKE_BINARY_DIR}/ebpf)
  set(source ${CMAKE_CURRENT_SOURCE_DIR}/${bpf_source})
  get_filename_component(source_dir ${source} DIRECTORY)
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
    set(arch x86)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "aarch64|arm64")
    set(arch arm64)
  else()
    set(arch ${CMAKE_SYSTEM_PROCESSOR})
  endif()
  # One rule for vmlinux.h however many programs are built (a second OUTPUT rule would clash).
  if(NOT TARGET tcpscope_vmlinux_h)
    add_custom_command(OUTPUT ${dir}/vmlinux.h
      COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
      COMMAND sh -c "'${TCPSCOPE_BPFTOOL}' btf dump file /sys/kernel/btf/vmlinux format c > '${dir}/vmlinux.h.tmp'"
      COMMAND ${CMAKE_COMMAND} -E rename ${dir}/vmlinux.h.tmp ${dir}/vmlinux.h
      COMMENT "Generating vmlinux.h from /sys/kernel/btf/vmlinux" VERBATIM)
    add_custom_target(tcpscope_vmlinux_h DEPENDS ${dir}/vmlinux.h)
  endif()
  add_custom_command(OUTPUT ${dir}/${name}.bpf.o
    COMMAND ${TCPSCOPE_BPF_CLANG} -g -O2 -Wall -Werror -target bpf -D__TARGET_ARCH_${arch}
            -I${dir} -I${source_dir} ${LIBBPF_CFLAGS} -c ${source} -o ${dir}/${name}.bpf.o
    COMMAND ${TCPSCOPE_LLVM_STRIP} -g ${dir}/${name}.bpf.o
    DEPENDS ${source} tcpscope_vmlinux_h ${ARGN}
    COMMENT "Compiling BPF program ${bpf_source}" VERBATIM)
  add_custom_command(OUTPUT ${dir}/${name}.skel.h
    COMMAND sh -c "'${TCPSCOPE_BPFTOOL}' gen skeleton '${dir}/${name}.bpf.o' name ${name}_bpf > '${dir}/${name}.skel.h.tmp'"
    COMMAND ${CMAKE_COMMAND} -E rename ${dir}/${name}.skel.h.tmp ${dir}/${name}.skel.h
    DEPENDS ${dir}/${name}.bpf.o
    COMMENT "Generating BPF skeleton ${name}.skel.h" VERBATIM)
  add_custom_target(${target}_${name}_skeleton DEPENDS ${dir}/${name}.skel.h)
  add_dependencies(${target}_${name}_skeleton tcpscope_vmlinux_h)
  add_dependencies(${target} ${target}_${name}_skeleton)
  target_include_directories(${target} SYSTEM PRIVATE ${dir})
  target_link_libraries(${target} PRIVATE PkgConfig::LIBBPF)
  target_compile_definitions(${target} PUBLIC TCPSCOPE_HAVE_EBPF)
endfunction()
