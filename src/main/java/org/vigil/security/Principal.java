package org.vigil.security;

/** The authenticated user behind a request. */
public record Principal(String userId, String name, Role role) {}
