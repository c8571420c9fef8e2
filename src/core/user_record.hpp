// One transaction record of the user world: the generated_records columns, the evaluation_metadata columns
// and the ground truth, as fixed-size fields (no heap memory, trivially copyable).
#pragma once

#include <cstdint>

#include "core/calendar.hpp"
#include "core/fraud_pattern.hpp"

namespace synthgen {

struct UserIdentity {
  char user_id[20];  // "user_" + 12 hex digits
  char full_name[32];
  char email[64];
  char phone[20];  // "+1-NXX-NXX-XXXX"
};

struct UserRecord {
  // generated_records
  char record_id[20];            // "rec_" + 12 hex digits
  const UserIdentity* identity;  // owned by the batch that holds the record
  Instant transaction_time;
  bool is_off_hours;
  std::int64_t available_balance_cents;
  double balance_to_transaction_ratio;
  std::int64_t avg_available_balance_30d_cents;
  double balance_volatility_z_score;
  std::int32_t bank_connections_24h;
  std::int32_t bank_connections_7d;
  double bank_connections_avg_30d;
  std::int64_t amount_cents;
  double amount_to_avg_ratio;
  std::int32_t merchant_risk_score;
  bool is_returned;
  Instant email_changed_at;  // kNoInstant: never changed up to this record
  Instant phone_changed_at;
  bool is_fraudulent;       // observed label: the fraud event, once confirmed by the simulation date
  FraudPattern fraud_type;  // observed type (kNone unless is_fraudulent)
  std::int32_t new_bank_connections;  // bank connections added since the previous record, up to this one

  // evaluation_metadata
  std::int32_t sequence_number;
  Instant fraud_confirmed_at;  // kNoInstant for legitimate users
  bool is_pre_fraud;
  bool has_days_to_fraud;
  double days_to_fraud;
  bool is_train_eligible;

  // ground truth
  bool is_fraud_event;
  FraudPattern true_fraud_type;  // the pattern of the fraud event (kNone on every other record)
};

}  // namespace synthgen
