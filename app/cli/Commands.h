#pragma once
// liangzheng-cli's commands. Each returns the process exit code (cli::kExit*).
#include "cli/CliOutput.h"
#include "cli/CommandLine.h"
#include "common/Terminal.h"

namespace lz::clicmd {

int verify(Terminal& terminal, const cli::Options& o);
int inspect(const cli::Options& o);
int trustStatus(Terminal& terminal);
int trustInstall(Terminal& terminal, const QString& file);
int demo(Terminal& terminal);
int scan(Terminal& terminal, const cli::Options& o);
int demoVideo(Terminal& terminal, const cli::Options& o);
int registerText(Terminal& terminal, const cli::Options& o);
int checkout(Terminal& terminal, const cli::Options& o);
// void RECORD_ID / correct RECORD_ID --details JSON: staff amend a registration by a new record.
int amend(Terminal& terminal, const cli::Options& o);
int log(Terminal& terminal, const cli::Options& o);
int sync(Terminal& terminal, const cli::Options& o);
int staffSetPin(const QString& configPath);
// backup DIR --escrow-cert CERT; restore DATA KEYS --escrow-cert CERT --escrow-key KEY (onto a fresh
// terminal: before its configuration need be complete).
int backup(Terminal& terminal, const cli::Options& o);
int restore(const QString& configPath, const cli::Options& o);
// enrol status | venue | terminal | trust | gateway | certificate | self-test (EnrolCommand.cpp)
int enrol(const QString& configPath, const cli::Options& o);
int staffClerks(const QString& configPath, const cli::Options& o); // add-clerk, remove-clerk, clerks

} // namespace lz::clicmd
