#pragma once
// The one version of every program, from project(VERSION) in the top CMakeLists.txt (debian/changelog
// is checked against it at configure time). Compiled into one small library so a version bump
// rebuilds one file.

namespace lz {

// "0.1.0"
const char* version();

// Every program answers `--version` with "<program> <version>" on stdout. Programs that parse their
// arguments by hand call this first: true when the only argument is --version (it has printed).
bool printVersionIfAsked(int argc, char** argv, const char* program);
// The same for --help anywhere in the arguments: prints `usage` on stdout.
bool printUsageIfAsked(int argc, char** argv, const char* usage);

} // namespace lz
