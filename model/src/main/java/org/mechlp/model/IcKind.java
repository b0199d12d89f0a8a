package org.mechlp.model;

/** Which incentive compatibility the mechanism must satisfy. */
public enum IcKind {
  /** Dominant-strategy IC: truth is optimal at every profile of the others' types (private values only). */
  DSIC("dsic"),
  /** Bayesian IC: truth is optimal in expectation over the others' types and the state, given one's own type. */
  BIC("bic"),
  /** Ex post IC: truth is optimal at every profile of the others' true types (interdependent values allowed). */
  EX_POST("expost"),
  /** No incentive constraint. */
  NONE("none");

  private final String json;

  IcKind(String json) {
    this.json = json;
  }

  /** The name used in problem files. */
  public String json() {
    return json;
  }
}
