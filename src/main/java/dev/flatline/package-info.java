/**
 * flatline: find out why a classifier predicts one class for everything, and fix it.
 */
package dev.flatline;
