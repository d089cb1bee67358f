DROP ROLE IF EXISTS vigie_t_rf_pub_{{pid}};
