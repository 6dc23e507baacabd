#include "core/storage/core_schema.h"

namespace paynext::core::storage {

// Append only: a released version is never edited.
std::vector<sdk::Migration> coreMigrations() {
  return {
    {1,
      "CREATE TABLE factories (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT NOT NULL, "
      "  enabled INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)",
      "CREATE TABLE factories (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT NOT NULL, "
      "  enabled INTEGER NOT NULL DEFAULT 1, created_at BIGINT NOT NULL)"},
    {2,
      "CREATE TABLE factory_modules (factory_id BIGINT NOT NULL REFERENCES factories(id), module TEXT NOT NULL, "
      "  enabled INTEGER NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (factory_id, module))",
      "CREATE TABLE factory_modules (factory_id BIGINT NOT NULL REFERENCES factories(id), module TEXT NOT NULL, "
      "  enabled INTEGER NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (factory_id, module))"},
    {3,
      "CREATE TABLE factory_config (factory_id BIGINT NOT NULL REFERENCES factories(id), key TEXT NOT NULL, "
      "  value TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (factory_id, key))",
      "CREATE TABLE factory_config (factory_id BIGINT NOT NULL REFERENCES factories(id), key TEXT NOT NULL, "
      "  value TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (factory_id, key))"},
    {4,
      "CREATE TABLE factory_channels (factory_id BIGINT NOT NULL REFERENCES factories(id), channel TEXT NOT NULL, "
      "  config TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (factory_id, channel))",
      "CREATE TABLE factory_channels (factory_id BIGINT NOT NULL REFERENCES factories(id), channel TEXT NOT NULL, "
      "  config TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (factory_id, channel))"},
    {5,
      "CREATE TABLE users (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL REFERENCES factories(id), "
      "  mobile TEXT NOT NULL, password_hash TEXT NOT NULL, password_salt TEXT NOT NULL, nick TEXT NOT NULL DEFAULT '', "
      "  created_at BIGINT NOT NULL, UNIQUE (factory_id, mobile))",
      "CREATE TABLE users (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL REFERENCES factories(id), "
      "  mobile TEXT NOT NULL, password_hash TEXT NOT NULL, password_salt TEXT NOT NULL, nick TEXT NOT NULL DEFAULT '', "
      "  created_at BIGINT NOT NULL, UNIQUE (factory_id, mobile))"},
    {6,
      "CREATE TABLE user_tokens (token_hash TEXT PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL "
      "  REFERENCES users(id), expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE user_tokens (token_hash TEXT PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL "
      "  REFERENCES users(id), expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL)"},
    {7,
      "CREATE TABLE wallets (user_id BIGINT PRIMARY KEY REFERENCES users(id), factory_id BIGINT NOT NULL, "
      "  balance BIGINT NOT NULL DEFAULT 0, frozen BIGINT NOT NULL DEFAULT 0, points BIGINT NOT NULL DEFAULT 0, "
      "  total_consumed BIGINT NOT NULL DEFAULT 0, CHECK (balance >= 0), CHECK (frozen >= 0), CHECK (points >= 0))",
      "CREATE TABLE wallets (user_id BIGINT PRIMARY KEY REFERENCES users(id), factory_id BIGINT NOT NULL, "
      "  balance BIGINT NOT NULL DEFAULT 0, frozen BIGINT NOT NULL DEFAULT 0, points BIGINT NOT NULL DEFAULT 0, "
      "  total_consumed BIGINT NOT NULL DEFAULT 0, CHECK (balance >= 0), CHECK (frozen >= 0), CHECK (points >= 0))"},
    {8,
      "CREATE TABLE ledger_entries (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
      "  currency TEXT NOT NULL, amount BIGINT NOT NULL, balance_after BIGINT NOT NULL, reason TEXT NOT NULL, "
      "  reference TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE ledger_entries (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
      "  currency TEXT NOT NULL, amount BIGINT NOT NULL, balance_after BIGINT NOT NULL, reason TEXT NOT NULL, "
      "  reference TEXT NOT NULL, created_at BIGINT NOT NULL)"},
    {9,
      "CREATE INDEX ledger_entries_user ON ledger_entries (factory_id, user_id, id)",
      "CREATE INDEX ledger_entries_user ON ledger_entries (factory_id, user_id, id)"},
    {10,
      "CREATE TABLE payments (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
      "  out_trade_id TEXT NOT NULL UNIQUE, channel TEXT NOT NULL, amount BIGINT NOT NULL, status TEXT NOT NULL, "
      "  pay_name TEXT NOT NULL DEFAULT '', remark TEXT NOT NULL DEFAULT '', next_action TEXT NOT NULL DEFAULT '', "
      "  prepay_id TEXT NOT NULL DEFAULT '', channel_trade_no TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
      "  paid_at BIGINT)",
      "CREATE TABLE payments (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, user_id BIGINT NOT NULL, "
      "  out_trade_id TEXT NOT NULL UNIQUE, channel TEXT NOT NULL, amount BIGINT NOT NULL, status TEXT NOT NULL, "
      "  pay_name TEXT NOT NULL DEFAULT '', remark TEXT NOT NULL DEFAULT '', next_action TEXT NOT NULL DEFAULT '', "
      "  prepay_id TEXT NOT NULL DEFAULT '', channel_trade_no TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL, "
      "  paid_at BIGINT)"},
    {11,
      "CREATE INDEX payments_user ON payments (factory_id, user_id, id)",
      "CREATE INDEX payments_user ON payments (factory_id, user_id, id)"},
    {12,
      "CREATE TABLE payment_notifications (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, "
      "  payment_id BIGINT, channel TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE payment_notifications (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
      "  payment_id BIGINT, channel TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL, created_at BIGINT NOT NULL)"},
    {13,
      "CREATE TABLE chain_steps (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, payment_id BIGINT NOT NULL "
      "  REFERENCES payments(id), seq INTEGER NOT NULL, type INTEGER NOT NULL, module TEXT NOT NULL, params TEXT NOT NULL, "
      "  status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_run_at BIGINT NOT NULL, lease_until BIGINT NOT NULL DEFAULT 0, "
      "  lease_owner TEXT NOT NULL DEFAULT '', last_error TEXT NOT NULL DEFAULT '', result TEXT NOT NULL DEFAULT '', "
      "  idempotency_key TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
      "  UNIQUE (payment_id, seq))",
      "CREATE TABLE chain_steps (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, payment_id BIGINT NOT NULL "
      "  REFERENCES payments(id), seq INTEGER NOT NULL, type INTEGER NOT NULL, module TEXT NOT NULL, params TEXT NOT NULL, "
      "  status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_run_at BIGINT NOT NULL, lease_until BIGINT NOT NULL DEFAULT 0, "
      "  lease_owner TEXT NOT NULL DEFAULT '', last_error TEXT NOT NULL DEFAULT '', result TEXT NOT NULL DEFAULT '', "
      "  idempotency_key TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, "
      "  UNIQUE (payment_id, seq))"},
    {14,
      "CREATE INDEX chain_steps_runnable ON chain_steps (status, next_run_at)",
      "CREATE INDEX chain_steps_runnable ON chain_steps (status, next_run_at)"},
    {15,
      "ALTER TABLE payments ADD COLUMN polled_at BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE payments ADD COLUMN polled_at BIGINT NOT NULL DEFAULT 0"},
    {16,
      "CREATE INDEX payments_stale ON payments (status, polled_at)",
      "CREATE INDEX payments_stale ON payments (status, polled_at)"},
    {17,
      "ALTER TABLE ledger_entries ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE ledger_entries ADD COLUMN origin TEXT NOT NULL DEFAULT ''"},
    {18,
      "CREATE INDEX ledger_entries_origin ON ledger_entries (factory_id, origin)",
      "CREATE INDEX ledger_entries_origin ON ledger_entries (factory_id, origin)"},
    {19,
      "CREATE TABLE admin_audit (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, actor TEXT NOT NULL, "
      "action TEXT NOT NULL, target TEXT NOT NULL, before_value TEXT NOT NULL, after_value TEXT NOT NULL, "
      "created_at BIGINT NOT NULL)",
      "CREATE TABLE admin_audit (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, actor TEXT NOT NULL, "
      "action TEXT NOT NULL, target TEXT NOT NULL, before_value TEXT NOT NULL, after_value TEXT NOT NULL, "
      "created_at BIGINT NOT NULL)"},
    {20,
      "CREATE TABLE admin_accounts (id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, "
      "password_salt TEXT NOT NULL, role TEXT NOT NULL, factory_id BIGINT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE admin_accounts (id BIGSERIAL PRIMARY KEY, username TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, "
      "password_salt TEXT NOT NULL, role TEXT NOT NULL, factory_id BIGINT NOT NULL, created_at BIGINT NOT NULL)"},
    {21,
      "CREATE TABLE admin_tokens (token_hash TEXT PRIMARY KEY, admin_id BIGINT NOT NULL REFERENCES admin_accounts(id), "
      "expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE admin_tokens (token_hash TEXT PRIMARY KEY, admin_id BIGINT NOT NULL REFERENCES admin_accounts(id), "
      "expires_at BIGINT NOT NULL, created_at BIGINT NOT NULL)"},
    {22,
      "ALTER TABLE payments ADD COLUMN points BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE payments ADD COLUMN points BIGINT NOT NULL DEFAULT 0"},
    {23,
      "ALTER TABLE payments ADD COLUMN points_fen BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE payments ADD COLUMN points_fen BIGINT NOT NULL DEFAULT 0"},
    {24,
      "CREATE TABLE wallet_adjustments (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, "
      "user_id BIGINT NOT NULL REFERENCES users(id), admin TEXT NOT NULL, balance BIGINT NOT NULL, "
      "points BIGINT NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE wallet_adjustments (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, "
      "user_id BIGINT NOT NULL REFERENCES users(id), admin TEXT NOT NULL, balance BIGINT NOT NULL, "
      "points BIGINT NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL)"},
    {25,
      "CREATE TABLE job_runs (job_key TEXT PRIMARY KEY, factory_id BIGINT NOT NULL, module TEXT NOT NULL, "
      "job TEXT NOT NULL, next_run_at BIGINT NOT NULL, last_run_at BIGINT NOT NULL DEFAULT 0, "
      "lease_until BIGINT NOT NULL DEFAULT 0, lease_owner TEXT NOT NULL DEFAULT '', runs BIGINT NOT NULL DEFAULT 0, "
      "last_error TEXT NOT NULL DEFAULT '')",
      "CREATE TABLE job_runs (job_key TEXT PRIMARY KEY, factory_id BIGINT NOT NULL, module TEXT NOT NULL, "
      "job TEXT NOT NULL, next_run_at BIGINT NOT NULL, last_run_at BIGINT NOT NULL DEFAULT 0, "
      "lease_until BIGINT NOT NULL DEFAULT 0, lease_owner TEXT NOT NULL DEFAULT '', runs BIGINT NOT NULL DEFAULT 0, "
      "last_error TEXT NOT NULL DEFAULT '')"},
    // A private system parameter feeds {from:"config"} but is never answered
    // by /config/value(s).
    {26,
      "ALTER TABLE factory_config ADD COLUMN private INTEGER NOT NULL DEFAULT 0",
      "ALTER TABLE factory_config ADD COLUMN private INTEGER NOT NULL DEFAULT 0"},
    // A channel's repeats of a notification are counted on one row, not stored again.
    {27,
      "ALTER TABLE payment_notifications ADD COLUMN repeats BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE payment_notifications ADD COLUMN repeats BIGINT NOT NULL DEFAULT 0"},
    {28,
      "ALTER TABLE payment_notifications ADD COLUMN last_at BIGINT NOT NULL DEFAULT 0",
      "ALTER TABLE payment_notifications ADD COLUMN last_at BIGINT NOT NULL DEFAULT 0"},
    // Login and registration limits (core/identity/attempt_limiter.h), shared by
    // every instance: kind user|admin|address|register, key the account or address.
    {29,
      "CREATE TABLE login_limits (kind TEXT NOT NULL, key TEXT NOT NULL, failures BIGINT NOT NULL, "
      "locked_until BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (kind, key))",
      "CREATE TABLE login_limits (kind TEXT NOT NULL, key TEXT NOT NULL, failures BIGINT NOT NULL, "
      "locked_until BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (kind, key))"},
    {30,
      "CREATE INDEX login_limits_updated ON login_limits (updated_at)",
      "CREATE INDEX login_limits_updated ON login_limits (updated_at)"},
    // A resent notification's row is found by its payment. Without the index
    // PostgreSQL scans the table, and under SERIALIZABLE that scan conflicts
    // with every other settlement writing a notification row.
    {31,
      "CREATE INDEX payment_notifications_payment ON payment_notifications (payment_id)",
      "CREATE INDEX payment_notifications_payment ON payment_notifications (payment_id)"},
    // Refunds of paid payments (core/payments/refund_service.h): the wallet
    // gives the money first, then the channel; out_refund_no names one refund.
    {32,
      "CREATE TABLE refunds (id INTEGER PRIMARY KEY, factory_id BIGINT NOT NULL, payment_id BIGINT NOT NULL "
      "REFERENCES payments(id), user_id BIGINT NOT NULL, out_trade_id TEXT NOT NULL, out_refund_no TEXT NOT NULL, "
      "amount BIGINT NOT NULL, points BIGINT NOT NULL, points_fen BIGINT NOT NULL, earned_points BIGINT NOT NULL, "
      "reason TEXT NOT NULL, status TEXT NOT NULL, channel_refund_id TEXT NOT NULL DEFAULT '', "
      "failure TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, created_at BIGINT NOT NULL, "
      "finished_at BIGINT NOT NULL DEFAULT 0, polled_at BIGINT NOT NULL DEFAULT 0, UNIQUE (factory_id, out_refund_no))",
      "CREATE TABLE refunds (id BIGSERIAL PRIMARY KEY, factory_id BIGINT NOT NULL, payment_id BIGINT NOT NULL "
      "REFERENCES payments(id), user_id BIGINT NOT NULL, out_trade_id TEXT NOT NULL, out_refund_no TEXT NOT NULL, "
      "amount BIGINT NOT NULL, points BIGINT NOT NULL, points_fen BIGINT NOT NULL, earned_points BIGINT NOT NULL, "
      "reason TEXT NOT NULL, status TEXT NOT NULL, channel_refund_id TEXT NOT NULL DEFAULT '', "
      "failure TEXT NOT NULL DEFAULT '', actor TEXT NOT NULL, created_at BIGINT NOT NULL, "
      "finished_at BIGINT NOT NULL DEFAULT 0, polled_at BIGINT NOT NULL DEFAULT 0, UNIQUE (factory_id, out_refund_no))"},
    {33,
      "CREATE INDEX refunds_payment ON refunds (payment_id)",
      "CREATE INDEX refunds_payment ON refunds (payment_id)"},
    {34,
      "CREATE INDEX refunds_pending ON refunds (status, polled_at)",
      "CREATE INDEX refunds_pending ON refunds (status, polled_at)"},
    // The step worker's claim takes the unfinished step due first. Over
    // (status, next_run_at) a three-status IN cannot give that order, so every
    // claim read and sorted all unfinished steps; this index holds only them,
    // in the claim's order, and the claim stops at the first it may take.
    {35,
      "CREATE INDEX chain_steps_due ON chain_steps (next_run_at, id) WHERE status IN ('PENDING', 'RETRY', 'RUNNING')",
      "CREATE INDEX chain_steps_due ON chain_steps (next_run_at, id) WHERE status IN ('PENDING', 'RETRY', 'RUNNING')"},
    {36, "DROP INDEX chain_steps_runnable", "DROP INDEX chain_steps_runnable"},
  };
}

}  // namespace paynext::core::storage
