#pragma once
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "tests/support/temp_dir.h"

namespace paynext::testing {

// A throwaway CA and a server certificate for 127.0.0.1/localhost signed by
// it, made with the openssl command line for each test run.
class TestCertificates {
 public:
  TestCertificates() {
    const std::string d = dir_.path();
    const std::string script =
        "cd '" + d + "' && "
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=paynext test CA' "
        "&& openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1' "
        "&& printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > ext.cnf "
        "&& openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 "
        "-extfile ext.cnf";
    if (std::system((script + " >/dev/null 2>&1").c_str()) != 0) throw std::runtime_error("openssl failed");
  }
  std::string ca() const { return dir_.file("ca.pem"); }
  std::string certificate() const { return dir_.file("server.pem"); }
  std::string privateKey() const { return dir_.file("server.key"); }

 private:
  TempDir dir_;
};

}  // namespace paynext::testing
