# The columns synth_seed writes into generated_records and evaluation_metadata (all but the identity keys): the
# benchmarks' COPY baselines export and load exactly these. Sourced by bench/run.sh and bench/scaling.sh.
# shellcheck shell=bash disable=SC2034
records_columns="record_id, user_id, full_name, email, phone, transaction_timestamp, is_off_hours_txn, available_balance,
  balance_to_transaction_ratio, avg_available_balance_30d, balance_volatility_z_score, bank_connections_count_24h,
  bank_connections_count_7d, bank_connections_avg_30d, amount, amount_to_avg_ratio, merchant_risk_score, is_returned,
  email_changed_at, phone_changed_at, is_fraudulent, fraud_type, new_bank_connections"
metadata_columns="user_id, record_id, sequence_number, fraud_confirmed_at, is_pre_fraud, days_to_fraud,
  is_train_eligible, is_fraud_event, true_fraud_type"
