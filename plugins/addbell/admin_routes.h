#pragma once
#include <vector>

#include "paynext/sdk/route.h"

namespace paynext::plugins::addbell {

// Admin routes, mounted under /admin/api/factories/{factory}/modules/addbell (JSON, amounts in yuan):
//   GET  /services?limit=&offset=   -> every service, oldest first;  GET /services?id= -> that one (404 when unknown)
//   POST /services   name, baseMinutes, basePrice, unitMinutes, unitPrice, addEnabled? (true), maxUnits? (4) -> 201
//   PUT  /services   id and the same fields -> the service replaced (404 when unknown)
//   GET  /orders?userId=&limit=&offset=  -> service orders, newest first;  GET /orders?id= -> that one
//   POST /orders     userId, serviceId, technician, startTime? -> the order opened for the user (201)
//   PUT  /orders     id -> the order closed now (finished; its unpaid add-bells expire)
//   GET  /records?userId=&orderId=&status=&limit=&offset= -> add-bell records, newest first;  ?id= -> that one
std::vector<sdk::Route> adminRoutes();

}  // namespace paynext::plugins::addbell
