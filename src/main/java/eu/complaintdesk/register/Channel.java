package eu.complaintdesk.register;

/** How a submission reached the organisation. */
public enum Channel {
  WEB_FORM,
  API,
  EMAIL,
  PHONE,
  POST,
  VISIT,
  E_ADDRESS,
  PERSONAL_ACCOUNT,
  CHAT,
  FAX,
  SOCIAL_MEDIA
}
