package org.vigil.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Encrypts personal data before it reaches the database, with a Tink AEAD keyset kept in a file
 * apart from it: a seized database alone reveals no name, contact, birth date or free text.
 *
 * <p>Every ciphertext is bound to where it lives (for example {@code reports.name/ID}) as
 * associated data, so a ciphertext copied into another row or column does not decrypt.
 */
public final class Vault {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private final Aead aead;
  // Tink keeps a Cipher and a SecureRandom per thread. Requests run on virtual threads, a new
  // one each time, so encrypting there would build both anew for every report; a few platform
  // threads keep them warm.
  private final ExecutorService sealers =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          Thread.ofPlatform().daemon().name("vault-", 0).factory());

  private Vault(Aead aead) {
    this.aead = aead;
  }

  /**
   * Runs work that encrypts many fields on one of the vault's platform threads when called from a
   * virtual thread: one hand-off instead of a cold cipher for each field.
   */
  public <T> T sealing(Supplier<T> work) {
    if (!Thread.currentThread().isVirtual()) return work.get();
    try {
      return sealers.submit(work::get).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while encrypting", e);
    }
  }

  /** Loads the keyset at {@code path}, creating it (mode 0600) on first start. */
  public static Vault openOrCreate(Path path) {
    try {
      AeadConfig.register();
      return new Vault(load(path).getPrimitive(RegistryConfiguration.get(), Aead.class));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot use the keyset " + path + ": " + e.getMessage(), e);
    }
  }

  private static KeysetHandle load(Path path) throws GeneralSecurityException, IOException {
    if (!Files.exists(path)) {
      try {
        create(path);
      } catch (FileAlreadyExistsException raced) {
        // Another process (a CLI command beside the server) created it first: use theirs.
      }
    }
    String json = Files.readString(path, StandardCharsets.UTF_8);
    return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
  }

  private static void create(Path path) throws GeneralSecurityException, IOException {
    Path parent = path.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    Path temp = Files.createTempFile(parent, ".keyset", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, OWNER_ONLY);
      Files.writeString(temp, json, StandardCharsets.UTF_8, StandardOpenOption.SYNC);
      // A link, not a move, so that two processes starting at once cannot both win.
      Files.createLink(path, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Encrypts {@code plaintext} for the place named by {@code context}; null stays null. */
  public byte[] seal(String plaintext, String context) {
    if (plaintext == null) return null;
    try {
      return aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  /** Decrypts what {@link #seal} wrote for the same {@code context}; null stays null. */
  public String open(byte[] ciphertext, String context) {
    if (ciphertext == null) return null;
    try {
      return new String(aead.decrypt(ciphertext, bytes(context)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot decrypt " + context + ": wrong keyset for this database, or tampered data", e);
    }
  }

  private static byte[] bytes(String context) {
    return context.getBytes(StandardCharsets.UTF_8);
  }
}
