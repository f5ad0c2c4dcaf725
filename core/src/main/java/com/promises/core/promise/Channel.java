package com.promises.core.promise;

/** How the customer was reached when a promise was made or a reminder sent. */
public enum Channel { PHONE, VISIT, EMAIL, LETTER, MESSAGE, PORTAL, OTHER }
