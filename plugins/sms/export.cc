#include "paynext/sdk/module_export.h"

#include "sms_module.h"

PAYNEXT_MODULE(paynext::plugins::sms::SmsModule)
