-- The extension reason is a code that every message renders in the customer's language
-- (extensionReason.EXTERNAL_INFORMATION); earlier releases stored an English sentence, and a
-- deadline set again after an extension stored "Classified". An extension has one reason:
-- information from other organisations. Portable SQL: H2 2.x and PostgreSQL.
update complaint set extension_reason = 'EXTERNAL_INFORMATION'
 where extension_reason in ('Information from other organisations is needed', 'Classified');
