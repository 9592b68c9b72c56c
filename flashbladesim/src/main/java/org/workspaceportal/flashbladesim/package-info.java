/**
 * FlashBlade simulator: a stand-in for a Pure Storage FlashBlade array, good enough that an HTTP
 * client cannot tell it from a real array for everything the portal uses. It is for tests, the
 * embedded default and trying the portal out, and is never part of the portal: it is a Maven module
 * of its own, which the portal has as a test dependency only, so no production class can use it and
 * the portal's jar does not carry it. Production configuration points the storage module at a real
 * array.
 *
 * <p>What it serves, both on 127.0.0.1 (or the address {@link
 * org.workspaceportal.flashbladesim.SimulatorSettings#bindAddress} names):
 *
 * <ul>
 *   <li>the management REST API 2.x over HTTPS with a CA made at start-up (written to a PEM file
 *       clients trust): {@code /api/api_version}, {@code /api/login} (API token to {@code
 *       x-auth-token} session, idle expiry), {@code /api/logout}, and under {@code /api/2.N/}:
 *       object-store accounts, users, access keys, buckets, file systems, network interfaces,
 *       arrays, and which users hold which built-in object-store access policies ({@code
 *       object-store-access-policies/object-store-users} and its mirror {@code
 *       object-store-users/object-store-access-policies}: GET, POST, DELETE by {@code
 *       member_names}/{@code member_ids} and {@code policy_names}/{@code policy_ids}), with {@code
 *       names}, {@code ids}, {@code filter}, {@code sort}, {@code limit}, {@code offset}, {@code
 *       continuation_token}, {@code destroyed} and (on accounts, buckets and file systems, where it
 *       is documented) {@code total_only}, and the array's error shapes. Fields follow the
 *       addressed version where the portal reads them (access keys: {@code context} from 2.17,
 *       {@code access_key_id} from 2.20), and {@code GET /arrays} reports the Purity//FB release
 *       that goes with the newest version offered;
 *   <li>an S3 data plane, S3Proxy over a jclouds blob store, in which every access key created
 *       through the API signs SigV2/SigV4 requests that reach only its own account's live buckets,
 *       and only with the calls its user's access policies allow (403 AccessDenied otherwise), and
 *       where a bucket's or an account's hard quota holds (403 QuotaExceeded for a write over it).
 * </ul>
 *
 * <p>Tests start one with {@link org.workspaceportal.flashbladesim.FlashBladeSimulator#start},
 * inspect it, and make it misbehave through a {@link
 * org.workspaceportal.flashbladesim.CallInterceptor}: the {@code FaultInjector} of this module's
 * test sources (its test-jar), so that no runtime jar carries fault injection. The embedded default
 * starts one per JVM through {@link
 * org.workspaceportal.flashbladesim.EmbeddedSimulatorEnvironmentPostProcessor} (registered in this
 * jar's {@code META-INF/spring.factories}) and exposes it as a bean ({@code
 * EmbeddedSimulatorConfiguration}, an auto-configuration). {@link
 * org.workspaceportal.flashbladesim.FlashBladeSimulatorMain} runs one on its own.
 *
 * <p>Where public sources do not say what the array does, the simulator chooses:
 *
 * <ul>
 *   <li>deleting a user deletes its access keys with it;
 *   <li>a user created without {@code full_access=true} holds no policy and is denied every S3 call
 *       (the spec's default); {@code full_access=true} grants it {@code pure:policy/full-access};
 *   <li>the access policies are the nine built-in ones ({@code pure:policy/full-access}, {@code
 *       bucket-create}, {@code bucket-delete}, {@code bucket-info}, {@code bucket-list}, {@code
 *       object-list}, {@code object-read}, {@code object-write}, {@code object-delete}); any other
 *       name "does not exist". Memberships are served on every 2.x version (Pure's client has them
 *       from 2.0). POST and DELETE need a member and a policy and change all or nothing: granting a
 *       held policy is 400 "... already exists.", revoking one not held 400 "... does not exist.";
 *   <li>which policy an S3 call needs ({@code S3Operation}): ListBuckets bucket-list, CreateBucket
 *       bucket-create, DeleteBucket bucket-delete, HeadBucket, GetBucketLocation and reading a
 *       bucket's ACL or policy bucket-info, ListObjects and ListMultipartUploads object-list,
 *       GetObject, HeadObject and reading an object's ACL object-read, PutObject and every step of
 *       a multipart upload (ListParts and AbortMultipartUpload included) object-write, DeleteObject
 *       and DeleteObjects object-delete, a copy object-read and object-write; changing an ACL needs
 *       full-access. The policy is checked after the signature and before the bucket, so a key
 *       without it gets 403 even for a bucket that does not exist; GetBucketLocation answers only
 *       for the key's own live bucket;
 *   <li>account deletion fails while users or buckets remain, destroyed buckets included;
 *   <li>a destroyed bucket or file system stays until it is deleted (no automatic eradication when
 *       {@code time_remaining} runs out);
 *   <li>S3 CreateBucket makes a bucket of the caller's account; S3 DeleteBucket of an empty bucket
 *       destroys it (recoverable), like {@code PATCH destroyed=true};
 *   <li>a hard quota ({@code hard_limit_enabled=true} with a {@code quota_limit}) of a bucket, or
 *       of an account over its live buckets together, refuses an S3 write (PutObject, CopyObject,
 *       UploadPart) that would take the bytes stored over it with 403 {@code QuotaExceeded} and a
 *       message naming the bucket (or account) and the limit, and stores nothing of it; the array's
 *       own status and code for this were not checked. An overwrite counts the new size minus the
 *       old, a delete frees space, and the parts of an open multipart upload count as they arrive,
 *       so completing one adds nothing and aborting it frees its parts. A soft quota ({@code
 *       hard_limit_enabled=false}) is reported, not enforced; lowering a quota below what is stored
 *       deletes nothing and refuses only writes that add bytes. Buckets and accounts report the
 *       bytes stored as {@code space.virtual} (and {@code unique}, {@code total_physical}: there is
 *       no data reduction);
 *   <li>error messages are the simulator's own wording ("... does not exist.", "... already
 *       exists.", "Bucket is destroyed.");
 *   <li>a {@code total_only} total sums counts and space and averages {@code data_reduction};
 *       collections whose GET does not document {@code total_only} refuse it;
 *   <li>a sort puts {@code null} first (last when descending); it accepts the descending mark
 *       appended ({@code name-}, as Pure's client writes it) or prepended ({@code -name});
 *   <li>the reported Purity//FB release for a REST version between two documented pairs is that of
 *       the pair below ({@code PurityReleases});
 *   <li>the simulator has no realms, so an access key's {@code name} always equals its {@code
 *       access_key_id}.
 * </ul>
 *
 * <p>What it cannot answer faithfully it refuses with 400 and a message ending "is not simulated.",
 * never with a silently different answer: filter functions other than {@code contains()}, filters
 * and sorts on fields its items do not have, and orderings of values that have none.
 *
 * <p>S3 clients: use path-style requests. AWS SDK v2 2.30 and later must set {@code
 * requestChecksumCalculation(WHEN_REQUIRED)}: S3Proxy 2.6.0 cannot read bodies with trailing
 * checksums (aws-chunked trailers) and answers 400 XAmzContentSHA256Mismatch. Malformed requests
 * that S3 refuses get S3's status and error code (authorization, dates, presigned parameters,
 * bucket names, key and metadata sizes, XML bodies, paging arguments) rather than S3Proxy's 500s; a
 * {@code Range} S3 would ignore is ignored. Where S3Proxy still differs from S3, the simulator does
 * too: BucketAlreadyExists is 403, not 409.
 */
package org.workspaceportal.flashbladesim;
