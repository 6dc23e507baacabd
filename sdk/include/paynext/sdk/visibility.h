#pragma once
// Interface and exception types cross the plugin boundary: they keep default
// visibility even though plugins are built with -fvisibility=hidden, so RTTI
// and catch clauses agree between host and plugin.
#define PAYNEXT_SDK_API __attribute__((visibility("default")))
