#pragma once
#include "paynext/sdk/job.h"

namespace paynext::plugins::addbell {

// "expire", every minute: unpaid add-bell records whose order finished become
// EXPIRED, so they do not linger (validate refuses them anyway meanwhile).
sdk::Job expireJob();

}  // namespace paynext::plugins::addbell
