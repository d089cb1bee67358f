DROP ROLE IF EXISTS vigie_t_rf_reader_{{pid}};
DROP ROLE IF EXISTS vigie_t_rf_inner_{{pid}};
DROP ROLE IF EXISTS vigie_t_rf_other_{{pid}};
