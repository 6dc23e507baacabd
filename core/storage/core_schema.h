#pragma once
#include <vector>

#include "paynext/sdk/migration.h"

namespace paynext::core::storage {

// The core's own tables, one statement per version, in both dialects.
std::vector<sdk::Migration> coreMigrations();

}  // namespace paynext::core::storage
