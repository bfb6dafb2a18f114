// The parts of @platformatic/kafka the scanner uses, loaded from the package's own modules rather than its index.
// The index also loads the producer, consumer and admin clients and the schema registries, whose option schemas
// are compiled when they load: about 0.4 s of CPU on every run for code the scanner never calls (importing the
// index cost 0.83 s of CPU, these modules 0.37 s). The version is pinned; test/unit/kafka-lib.test.ts checks
// that every name here is the very object the index exports, so a change of the package's layout fails the suite.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type * as Kafka from '@platformatic/kafka';

/** Modules of dist/ (relative to its index.js) that hold everything the scanner imports. */
export const KAFKA_MODULES = ['errors.js', 'diagnostic.js', 'network/index.js', 'protocol/index.js', 'apis/index.js'] as const;

// The package exports only its index; its own files are loaded by URL next to it (exports restrict bare specifiers only).
const index = pathToFileURL(createRequire(import.meta.url).resolve('@platformatic/kafka'));
const lib = Object.assign({}, ...(await Promise.all(KAFKA_MODULES.map((m) => import(new URL(m, index).href))))) as typeof Kafka;

export const {
  AuthenticationError,
  ConnectionPool,
  MultipleErrors,
  NetworkError,
  ProtocolError,
  Reader,
  TimeoutError,
  UnsupportedApiError,
  Writer,
  connectionsApiChannel,
  consumerGroupDescribeV0,
  createAPI,
  describeAclsV2,
  describeAclsV3,
  describeClientQuotasV0,
  describeClusterV0,
  describeClusterV1,
  describeGroupsV5,
  describeLogDirsV2,
  describeLogDirsV3,
  describeLogDirsV4,
  describeQuorumV2,
  describeUserScramCredentialsV0,
  listGroupsV4,
  listGroupsV5,
  listOffsetsV5,
  listOffsetsV6,
  listOffsetsV7,
  listOffsetsV8,
  listOffsetsV9,
  metadataV10,
  metadataV11,
  metadataV12,
  metadataV9,
  offsetFetchV8,
  offsetFetchV9,
  protocolAPIsById,
} = lib;

export type AuthenticationError = Kafka.AuthenticationError;
export type Connection = Kafka.Connection;
export type ConnectionPool = Kafka.ConnectionPool;
export type MultipleErrors = Kafka.MultipleErrors;
export type NetworkError = Kafka.NetworkError;
export type ProtocolError = Kafka.ProtocolError;
export type Reader = Kafka.Reader;
export type TimeoutError = Kafka.TimeoutError;
export type UnsupportedApiError = Kafka.UnsupportedApiError;
export type Writer = Kafka.Writer;
