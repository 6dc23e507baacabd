#pragma once
// The crowd of the connection issue: connections that hold paynextd open
// without ever completing a request, from 127.0.0.2-127.0.0.9 (so that the
// measured clients on 127.0.0.1 are other addresses).
#include <string>
#include <vector>

#include "tests/support/raw_http_connection.h"

namespace paynext::tools::bench {

class Crowd {
 public:
  // Opens `slow` connections that send a partial request head to `path` and
  // then nothing, and `idle` connections that send nothing; throws when one
  // cannot connect.
  Crowd(int port, const std::string& path, int slow, int idle);

  std::size_t size() const { return connections_.size(); }
  // How many are still open with nothing answered (none was dropped).
  std::size_t quietAndOpen();

 private:
  std::vector<paynext::testing::RawHttpConnection> connections_;
};

}  // namespace paynext::tools::bench
