#pragma once

#include <string>
#include <utility>

#include <Poco/Data/Connector.h>
#include <Poco/Data/SessionFactory.h>

namespace paynext::core::storage {

// Makes sessions of type Session (a Poco::Data::SessionImpl built from a
// connection string and a login timeout) for Poco::Data under a name.
template <typename Session>
class SessionConnector : public Poco::Data::Connector {
 public:
  explicit SessionConnector(std::string name) : name_(std::move(name)) {}

  const std::string& name() const override { return name_; }
  Poco::Data::SessionImpl::Ptr createSession(const std::string& target, std::size_t timeout) override {
    return new Session(target, timeout);
  }

  // Once per process is enough; more are harmless.
  static void registerAs(const std::string& name) {
    Poco::Data::SessionFactory::instance().add(new SessionConnector(name));
  }

 private:
  const std::string name_;
};

}  // namespace paynext::core::storage
