#pragma once
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "tests/support/temp_dir.h"

namespace paynext::testing {

// A throwaway CA and a server certificate signed by it, made with the openssl
// command line for each test run: by default for 127.0.0.1 and localhost,
// else for the names given (`subjectAltName` as openssl writes it, e.g.
// "DNS:partner.example").
class TestCertificates {
 public:
  explicit TestCertificates(const std::string& commonName = "127.0.0.1",
                            const std::string& subjectAltName = "IP:127.0.0.1,DNS:localhost") {
    const std::string d = dir_.path();
    const std::string script =
        "cd '" + d + "' && "
        "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj '/CN=paynext test CA' "
        "&& openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=" + commonName + "' "
        "&& printf 'subjectAltName=" + subjectAltName + "\\n' > ext.cnf "
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
