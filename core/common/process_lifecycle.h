#pragma once
// What every paynext daemon (paynextd, gatewaysim) does around its server:
// signals, console logging and the port file tests poll for.
#include <signal.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>

namespace paynext::core {

// Blocks SIGTERM and SIGINT in the calling thread; call it first in main(),
// before any thread starts, so every thread inherits the mask and
// waitForTermination is the one place that sees them.
inline sigset_t blockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  return signals;
}

// Returns the signal received.
inline int waitForTermination(const sigset_t& signals) {
  int received = 0;
  sigwait(&signals, &received);
  return received;
}

inline void logToConsole() {
  Poco::AutoPtr<Poco::PatternFormatter> format(new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(format, new Poco::ConsoleChannel));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel("information");
}

// Written aside and renamed, so a poller never reads half a number.
inline void writePortFile(const std::string& file, int port) {
  { std::ofstream(file + ".tmp") << port << "\n"; }
  if (std::rename((file + ".tmp").c_str(), file.c_str()) != 0) {
    throw Poco::FileException("cannot write port file " + file);
  }
}

}  // namespace paynext::core
