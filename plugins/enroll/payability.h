#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "paynext/sdk/action_context.h"

#include "application.h"
#include "project.h"

namespace paynext::plugins::enroll {

// The caller's application named by a step's id. A project's id given instead
// (the mistake the documents warn of) is refused with a pointer to the
// application id; anything else is 700.
Application requireApplication(sdk::Scope& scope, std::int64_t id);

// Why the application cannot be paid (paid already, cancelled); nullopt while unpaid.
std::optional<std::string> unpayableReason(const Application& application);

// The project of an application that can be paid now, or the reason it cannot
// (sdk::Error): paid or cancelled, the project stopped, past its deadline or full.
Project requirePayable(sdk::Scope& scope, const Application& application);

}  // namespace paynext::plugins::enroll
