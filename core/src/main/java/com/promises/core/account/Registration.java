package com.promises.core.account;

/** What a RegisterCustomer command did: opened the account, or found the very same one already open. */
public enum Registration { CREATED, UNCHANGED }
