package io.budget4j.config; public enum OutsideRunPolicy { ALLOW, DENY }
