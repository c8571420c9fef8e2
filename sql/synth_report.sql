-- synth_report(): the realism and leakage report on a fixed-seed world, and its AUCs checked by brute force.
SET timezone = 'UTC';
CREATE SCHEMA report;
SELECT records FROM synth_seed(users => 1000, seed => 42, target_schema => 'report');
SELECT materialized FROM synth_materialize_features('report');

SELECT * FROM synth_report('report', '2025-12-01 00:00:00+00')
WHERE section <> 'fraud rate by day' OR subject IN ('2025-12-01', '2025-12-02');

-- The AUCs agree with a brute-force count over every (fraud event, legitimate record) pair.
CREATE TEMP TABLE auc AS
SELECT subject AS pattern, metric AS feature, value FROM synth_report('report') WHERE section = 'single-feature ROC AUC';
CREATE TEMP TABLE legit AS
SELECT r.* FROM report.generated_records r
WHERE r.user_id NOT IN (SELECT user_id FROM report.evaluation_metadata WHERE is_fraud_event);
CREATE TEMP TABLE events AS
SELECT m.true_fraud_type AS pattern, r.* FROM report.generated_records r JOIN report.evaluation_metadata m USING (record_id)
WHERE m.is_fraud_event;
SELECT e.pattern,
       round(avg(CASE WHEN e.amount > l.amount THEN 1 WHEN e.amount = l.amount THEN 0.5 ELSE 0 END), 3)
         = (SELECT value FROM auc WHERE auc.pattern = e.pattern AND feature = 'amount') AS amount_auc_agrees,
       round(avg(CASE WHEN e.merchant_risk_score > l.merchant_risk_score THEN 1
                      WHEN e.merchant_risk_score = l.merchant_risk_score THEN 0.5 ELSE 0 END), 3)
         = (SELECT value FROM auc WHERE auc.pattern = e.pattern AND feature = 'merchant_risk_score') AS risk_auc_agrees
FROM events e CROSS JOIN legit l GROUP BY e.pattern ORDER BY e.pattern;

\set VERBOSITY terse
SELECT count(*) FROM synth_report(NULL);
SELECT count(*) FROM synth_report('no_such_schema');
\set VERBOSITY default
SET client_min_messages = warning;
DROP SCHEMA report CASCADE;
