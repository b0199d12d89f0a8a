/**
 * Reduced forms for Bayesian IC single-item auctions with independent types (docs/THEORY.md, Smaller LPs): optimize
 * over interim winning probabilities and payments with Border's feasibility constraints added lazily, then, on request,
 * build an ex post mechanism that implements the interim rule and check it with the full verifier.
 */
package org.mechlp.solver.reduced;
