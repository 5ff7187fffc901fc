package org.caseflow.removal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RemovalApplication {

    public static void main(String[] args) {
        SpringApplication.run(RemovalApplication.class, args);
    }
}
